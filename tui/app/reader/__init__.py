"""The reader: the screen with the article list, the brief and its original (:mod:`.screen`),
and the parts it hands its work to: keeping the corpus up to date (:mod:`.loading`), the rows
the filter shows (:mod:`.query`) and what the title bar says (:mod:`.header`)."""
