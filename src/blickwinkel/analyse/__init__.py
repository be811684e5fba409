"""Pure analysis of one article: language, lemmas, entities, quantities, dates, quotes, subjectivity."""
