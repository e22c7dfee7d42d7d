"""The crosswalk: links from each region's goals (and insatser that state no goal) to the goals of the
national strategy, Agenda 2030 and ERUF — suggested by a method, decided by a person.

``texts`` reads what is matched, ``methods`` score it (TF-IDF by default, E5 with the ``e5`` extra),
``suggest`` ranks the candidates, ``sheet`` writes and reads the review sheet, ``decisions`` keeps
what people decided and turns it into triples.
"""
