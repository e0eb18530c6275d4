"""Named-entity tagging: token features, the CRF and neural taggers, their trainers. Stands on `text`."""
