//! A table of text cells, as read from a CSV file or a spreadsheet's sheet:
//! the header, then each row with the number a person sees for it (the CSV
//! line it starts on, the sheet's row number), so every problem can name it.

/// The cells of one sheet or file, before anything is interpreted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The header's cells, as written.
    pub header: Vec<String>,
    /// The rows below the header; wholly empty rows are left out.
    pub rows: Vec<TableRow>,
    /// How the source was read, when that is worth telling ("read as
    /// Windows-1252", "columns separated by semicolons").
    pub notes: Vec<String>,
    /// CSV cells whose quotes held line breaks, in the order of the file.
    pub spanned: Vec<SpannedCell>,
}

/// A quoted CSV cell that runs over several lines of the file: a description
/// written that way, or a quote closed later than meant, which joins lines
/// (rows) into one cell. The sheet's reader warns about each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpannedCell {
    /// Index into [`Table::rows`].
    pub row: usize,
    /// Index of the cell in its row.
    pub column: usize,
    /// The lines of the file it starts and ends on.
    pub first_line: usize,
    pub last_line: usize,
}

/// One row: its number as the user finds it in the source, and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub number: usize,
    pub cells: Vec<String>,
}

/// A workbook's sheet names, and the table of the sheet that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workbook {
    /// Every sheet, in the workbook's order.
    pub sheets: Vec<String>,
    /// The name of the sheet read.
    pub sheet: String,
    pub table: Table,
}
