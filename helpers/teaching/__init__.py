"""The teaching machinery: chapter authoring and editions, the syllabus, cases, exercises, widgets.

    >>> from helpers.teaching.syllabus import chapter_table
    >>> chapter_table().iloc[0]["notebook"]
    '00_start_here.ipynb'
"""
