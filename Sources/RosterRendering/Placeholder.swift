// RosterRendering
