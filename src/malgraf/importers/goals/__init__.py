"""Reading the goals a text states, for any importer: markers, statements, reference labels, region vocabulary.

``reader.read_goal_text`` turns the lines of a goal column (or a spreadsheet's goal cell) into
``statements.GoalStatement`` records: ``markers`` says what a label opens, ``references`` resolves
SDGs and ERUF objectives, ``resolve`` ties a statement to a goal of the region's reviewed vocabulary
(``malgraf.vocab.regional``), and ``vocabulary.RegionGoalVocabulary`` learns from a region's rows
where its unlabelled goal columns start.
"""
