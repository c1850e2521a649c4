"""People's first and last names for demo users, per language."""

from __future__ import annotations

FIRST_NAMES = {
    "nb": ("Kari", "Ola", "Ingrid", "Lars", "Silje", "Jonas", "Marte", "Henrik", "Ida",
           "Sindre", "Nora", "Eirik", "Hanne", "Magnus", "Thea", "Anders", "Sofie", "Kristian",
           "Camilla", "Håkon", "Maja", "Sigurd", "Tuva", "Øystein", "Line", "Erlend", "Astrid",
           "Vegard", "Guro", "Bjørn", "Ragnhild", "Torstein", "Mona", "Espen", "Ane", "Amir",
           "Fatima", "Ali", "Leila", "Tomasz"),
    "en": ("Emma", "James", "Olivia", "Daniel", "Sarah", "Michael", "Anna", "David",
           "Sophie", "Lukas", "Priya", "Chen", "Maria", "Thomas", "Hannah", "Ahmed"),
}

LAST_NAMES = {
    "nb": ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
           "Kristiansen", "Jensen", "Karlsen", "Haugen", "Berg", "Dahl", "Lie", "Bakken",
           "Hagen", "Strand", "Solberg", "Eriksen", "Moen", "Myhre", "Sæther", "Aas", "Holm",
           "Lunde", "Rønning", "Fjeld", "Kvam", "Nygård", "Brekke", "Hovland", "Tveit",
           "Khan", "Nowak", "Ahmadi"),
    "en": ("Smith", "Brown", "Wilson", "Taylor", "Müller", "Garcia", "Patel", "Nguyen",
           "Kowalski", "Andersson", "Schmidt", "Rossi", "Murphy", "Wang"),
}
