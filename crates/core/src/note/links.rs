//! Wikilinks, embeds and markdown links to notes. (being written)
