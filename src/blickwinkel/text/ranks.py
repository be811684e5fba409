"""Military and police ranks as English abbreviates them before a name ("Lt Col <Name>", "Maj. Gen.
<Name>", "Det Supt <Name>"), written from general knowledge. One list for the two places that need
it: the sentence splitter must not end a sentence after their dot ("said Sgt. <Name>" lost its
speaker), and entity recognition and the speaker finder read them as titles, never as part of a
name or its key (``analyse.gazetteer.RANKS``)."""

from __future__ import annotations

RANK_ABBREVIATIONS_EN = (
    "Lt", "Lieut", "Col", "Gen", "Maj", "Capt", "Sgt", "Cpl", "Pte", "Pvt", "Brig", "Cmdr", "Cdr", "Adm",
    "Insp", "Det", "Supt", "Cllr", "Wg", "Sqn", "Ldr", "Flt",
)  # fmt: skip
