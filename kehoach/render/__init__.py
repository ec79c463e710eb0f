"""Rendering: plans and schedules to Word (and PDF)."""
