//! Frontmatter block and its top-level keys. (being written)
