//! GFM tables: header, delimiter, rows and cells. (being written)
