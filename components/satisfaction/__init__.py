"""Satisfaction (IKM): the Kepuasan page, the unit card's survey figures and their charts."""
