"""The Survei intake form: the questionnaire a unit's QR code opens, and its writes."""
