// RosterBuild
