"""Login, the password screens, the top screen and logout, at production's paths where known."""
