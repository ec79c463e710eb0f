"""The parts of `kehoach new` (kehoach/yearly.py): where the values stand (spots), how dates move
(calendar), how the text is edited in place (edits), and what a person must still review (review)."""
