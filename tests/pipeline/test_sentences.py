from odaextract.pipeline.sentences import is_sentence_end, sentence_breaks
from odaextract.pipeline.structure import split_long


def test_sentence_ends_skip_abbreviations_initials_and_decimals():
    text = "Aid from the U.S. rose to 1.98 billion. JICA Co. Ltd. helped (e.g. in Kenya). Done! 完了。 Next"
    ends = [text[:i].split()[-1] for i in sentence_breaks(text, 0, len(text))]
    assert ends == ["billion.", "Kenya).", "Done!", "完了。"]
    assert not is_sentence_end("1.98", 1)


def test_regression_long_blocks_are_not_cut_after_an_abbreviation():
    # The structure stage's own sentence-end pattern cut "the U.S. | Agency"; it now shares the acronym rules'.
    sentence = "Japan and the U.S. Agency for International Development agreed. "
    text = sentence * 3
    pieces = split_long(text, 0, len(text.rstrip()), limit=len(sentence) + 30)
    assert all(text[s:e].endswith("agreed.") for s, e in pieces)
