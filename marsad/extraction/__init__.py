"""From a cleaned article to knowledge: entities and places, quotes and claims, events, actors,
casualty tolls. Stands on `ner` and `text`."""
