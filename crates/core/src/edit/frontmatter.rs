//! Frontmatter edits. (being written)
