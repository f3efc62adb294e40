//! Task list items. (being written)
