// RosterPublishing
