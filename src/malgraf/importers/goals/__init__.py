"""Reading the goals a text states, for any importer: markers, statements, reference labels, region vocabulary.

``reader.read_goal_text`` turns the lines of a goal column (or a spreadsheet's goal cell) into
``statements.GoalStatement`` records: ``markers`` says what a label opens, ``references`` resolves
SDGs and ERUF objectives, and ``vocabulary.RegionGoalVocabulary`` recognises a region's unlabelled
goal sentences from the ones it labelled elsewhere.
"""
