"""The NER tagger's interface: CoNLL in, tag appended; PERS read as PER."""
from __future__ import annotations

from marsad.ner.tagging import entity_spans, normalise_tag, read_conll, tag, tag_conll
from marsad.ner.train_crf import f1


def test_conll_tags_are_appended_and_sentences_kept():
    lines = ["وصل x", "الرئيس x", "إلى x", "القاهرة x", "", "وقال y", "مصدر y", ""]
    out = list(tag_conll(lines))
    assert out[4] == "" and out[-1] == ""
    rows = [r.split() for r in out if r]
    assert [r[:2] for r in rows] == [ln.split() for ln in lines if ln]
    assert all(r[-1] == "O" or r[-1][:2] in ("B-", "I-") for r in rows)
    assert rows[3][-1] == "B-LOC"


def test_reading_conll_and_tag_names():
    assert list(read_conll(["a O", "b B-PERS", "", "", "c O"])) == [[["a", "O"], ["b", "B-PERS"]], [["c", "O"]]]
    assert normalise_tag("I-PERS") == "I-PER"


def test_entity_span_scoring():
    assert entity_spans(["B-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")}
    assert f1([["B-PER", "I-PER", "O"]], [["B-PER", "O", "O"]])["f1"] == 0.0


def test_tagging_a_sentence_written_for_the_test():
    tokens = "وأكد وزير الخارجية التونسي في تونس أن الحكومة مستعدة".split()
    tags = tag(tokens)
    assert len(tags) == len(tokens) and tags[5] == "B-LOC"


def test_consistent_labels_marks_a_name_where_its_context_was_weak():
    from marsad.ner.tagging import consistent_labels

    sents = ["قال سامر الخطيب إن القصف استمر".split(), "وأضاف الخطيب ، أن سامر الخطيب غادر".split(),
             "زار الوفد حماة ثم حماة".split(), "وفي حماة اجتمع الوفد".split()]
    tags = [["O", "B-PER", "I-PER", "O", "O", "O"], ["O", "O", "O", "O", "O", "O", "O"],
            ["O", "O", "B-LOC", "O", "B-ORG"], ["O", "O", "O", "O"]]
    out = consistent_labels(sents, tags)
    assert out[1] == ["O", "O", "O", "O", "B-PER", "I-PER", "O"]   # the full name, not its tail alone
    assert out[3] == ["O", "O", "O", "O"]                             # حماة seen as LOC and ORG: left alone
    assert out[0] == tags[0] and consistent_labels(sents[:1], [["O"] * 6]) == [["O"] * 6]
