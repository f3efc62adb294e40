//! Table row edits. (being written)
