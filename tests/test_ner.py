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


def test_document_features_tell_a_word_what_the_first_pass_said_elsewhere():
    from marsad.ner.features import document_features

    sents = ["وصرح المتحدث نادر العبيدي للصحفيين".split(), "وأضاف العبيدي أن الطريق مغلق".split(),
             "وقال شاهد إن الطريق مغلق".split()]
    first = [["O", "O", "B-PER", "I-PER", "O"], ["O", "O", "O", "O", "O"], ["O"] * 5]
    feats = document_features(sents, first)
    assert "dm=PER" in feats[1][1] and "dfrac=all" in feats[1][1]      # tagged elsewhere, not here
    assert "p1=O" in feats[1][1] and "1:dm=PER" in feats[1][0]          # its own tag; its neighbour's
    assert "dm=O" in feats[2][3] and "dm=O" in feats[0][3]               # الطريق never a name; nor العبيدي
    assert feats[0][0] == ["p1=O"]                                       # a word said once: nothing more
    # a document is its own: another document's tags say nothing
    assert document_features(sents[1:2], first[1:2]) == [[["p1=O"]] * 5]


def test_documents_are_tagged_apart():
    from marsad.ner.tagging import tag_many

    a = "وقال الوزير حسام الدباغ إن المحادثات ستستأنف".split()
    b = "وصل الوفد إلى عمان مساء الأحد".split()
    together = tag_many([a, b], documents=[1, 1])
    assert together == [tag_many([a])[0], tag_many([b])[0]]


def test_a_two_pass_model_trains_and_tags_with_its_second_pass(tmp_path):
    from marsad.ner.tagging import second_pass_path, tag_many
    from marsad.ner.train_crf import train_two_pass

    rows = []
    for name, place in (("رامي", "حمص"), ("وليد", "درنة"), ("سالم", "سبها"), ("هاني", "إربد")):
        rows += [f"قال O\n{name} B-PER\nإن O\nالوفد O\nوصل O\nإلى O\n{place} B-LOC\n",
                 f"وأضاف O\n{name} B-PER\nأن O\nالطريق O\nإلى O\n{place} B-LOC\nمغلق O\n"]
    data = tmp_path / "train.txt"
    data.write_text("\n".join(rows), encoding="utf-8")
    model = tmp_path / "m.crfsuite"
    train_two_pass(data, model, dev=0, folds=2, log=lambda _: None)
    assert (tmp_path / "m-doc.crfsuite").exists() and second_pass_path(str(model)) == str(tmp_path / "m-doc.crfsuite")
    sents = ["قال رامي إن الوفد وصل إلى حمص".split(), "وأضاف رامي أن الطريق مغلق".split()]
    tags = tag_many(sents, str(model), documents=[2])
    assert [len(t) for t in tags] == [7, 5] and tags[0][6] == "B-LOC"
    from marsad.ner.tagging import crf_models

    assert crf_models(str(model))[1] is not None            # the second pass, found when the model was loaded


def test_a_place_nouns_dual_is_a_location_cue_like_the_noun():
    """"محافظتي X وY" opens places as "محافظة X" does: the dual is read from place_nouns.tsv's singular."""
    from marsad.ner.rule_fills import _loc_cues
    from marsad.text.arabic import normalize

    for word in ("محافظتي", "منطقتي", "مدينتي", "محافظة", "قرى", "شمالي", "في"):
        assert normalize(word) in _loc_cues()
    assert normalize("حكومتي") not in _loc_cues()
