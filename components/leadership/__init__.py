"""The Pimpinan page: targets, exceptions since last week, rankings and Ombudsman history."""
