"""Reading inputs: files, folders and containers (JSONL, WARC, RSS/Atom) into `RawItem`s, bytes to
text, HTML pages to main text. Stands on `text`."""
