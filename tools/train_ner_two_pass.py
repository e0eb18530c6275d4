# Copyright 2026 the marsad authors. Licensed under the Apache License, Version 2.0.
"""Train the two-pass CRF: a first-pass model and its document-level second pass beside it.

    python tools/train_ner_two_pass.py ../shared/data/anercorp/train.txt /tmp/ner2.crfsuite [--dev 0.1]
    marsad ner --conll IN --model /tmp/ner2.crfsuite        # finds /tmp/ner2-doc.crfsuite beside it

Seven CRF trainings (the first pass, five folds, the second pass): ~5 min on a quiet core.
With `--dev` > 0 the last share of the training file is held out (a contiguous block: random
sentences would share documents with the training part) and scored with both passes.
Not shipped (see `train_crf.train_two_pass`): this reproduces the measured candidate.
"""
from __future__ import annotations

import argparse
import json
import sys

from marsad.ner.train_crf import train_two_pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--dev", type=float, default=0.1)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    result = train_two_pass(args.data, args.out, args.dev, args.folds, log=lambda m: print(m, file=sys.stderr))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
