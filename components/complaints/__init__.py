"""Complaint handling: the Pengaduan page's figures, tables and charts (also used by Pimpinan)."""
