"""Classroom mode: a teacher's room where each student plays one actor, a month a round.

room.py holds the rules of a class (tokens, roles, rounds, timers, expiry), engine.py
applies decisions to the model's player hooks, debrief.py sets the class's run beside
the model's own rules on the same seed, pages.py draws /class and /join, text.py holds
their words in English and Bahasa Indonesia, address.py the join address and QR code.
"""
