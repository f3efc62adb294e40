//! Task edits. (being written)
