"""Data files shipped with marsad (see README.md here)."""
