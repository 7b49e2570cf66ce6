//! What a file attached to a resource is, told by its bytes (never by its name or the type the
//! client declared), and whether it arrived whole.

/// The most a file may weigh.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;
/// The most files one resource may carry.
pub const MAX_FILES: usize = 20;

/// A type the knowledge base accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Mp4,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    /// UTF-8 text (CSV, plain text), served as `text/plain`.
    Text,
}

impl FileType {
    /// The type the file is served with: none of them runs in a page.
    pub fn content_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Gif => "image/gif",
            FileType::Webp => "image/webp",
            FileType::Mp4 => "video/mp4",
            FileType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileType::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Text => "text/plain; charset=utf-8",
        }
    }
}

/// What the bytes of an upload say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCheck {
    Accepted(FileType),
    Empty,
    TooLarge,
    /// A known type whose end is missing: the upload was cut off.
    Truncated(FileType),
    /// None of the accepted types, whatever its name says.
    Refused,
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The last `n` bytes.
fn tail(bytes: &[u8], n: usize) -> &[u8] {
    &bytes[bytes.len().saturating_sub(n)..]
}

/// An Office Open XML or OpenDocument file is a zip; its first entries say which.
fn zip_type(bytes: &[u8]) -> Option<FileType> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if contains(head, b"mimetypeapplication/vnd.oasis.opendocument.text") {
        Some(FileType::Odt)
    } else if contains(head, b"[Content_Types].xml") || contains(head, b"_rels/") {
        if contains(bytes, b"word/") {
            Some(FileType::Docx)
        } else if contains(bytes, b"xl/") {
            Some(FileType::Xlsx)
        } else if contains(bytes, b"ppt/") {
            Some(FileType::Pptx)
        } else {
            None
        }
    } else {
        None
    }
}

/// Text: valid UTF-8 without NUL or other control characters than whitespace.
fn is_text(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| {
        !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{feff}'))
    })
}

/// What `bytes` are, and whether they are whole.
pub fn check_file(bytes: &[u8]) -> FileCheck {
    if bytes.is_empty() {
        return FileCheck::Empty;
    }
    if bytes.len() > MAX_FILE_BYTES {
        return FileCheck::TooLarge;
    }
    let whole = |kind: FileType, ends: bool| {
        if ends {
            FileCheck::Accepted(kind)
        } else {
            FileCheck::Truncated(kind)
        }
    };
    let head = &bytes[..bytes.len().min(1024)];
    if contains(head, b"%PDF-") {
        whole(FileType::Pdf, contains(tail(bytes, 1024), b"%%EOF"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        whole(FileType::Png, contains(tail(bytes, 16), b"IEND"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        whole(FileType::Jpeg, contains(tail(bytes, 16), &[0xFF, 0xD9]))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        whole(FileType::Gif, bytes.ends_with(b";"))
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        let declared = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        whole(FileType::Webp, bytes.len() >= declared + 8)
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        FileCheck::Accepted(FileType::Mp4)
    } else if bytes.starts_with(b"PK\x03\x04") {
        match zip_type(bytes) {
            // The end-of-central-directory record closes every whole zip.
            Some(kind) => whole(kind, contains(tail(bytes, 64 * 1024), b"PK\x05\x06")),
            None => FileCheck::Refused,
        }
    } else if is_text(bytes) && !looks_like_markup(bytes) {
        FileCheck::Accepted(FileType::Text)
    } else {
        FileCheck::Refused
    }
}

/// HTML or SVG sent as "text": refused, so that nobody is given a page to open.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    [
        b"<html".as_slice(),
        b"<!doctype",
        b"<svg",
        b"<script",
        b"<?xml",
    ]
    .iter()
    .any(|tag| contains(&head, tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip(entries: &[&str]) -> Vec<u8> {
        let mut bytes = b"PK\x03\x04".to_vec();
        for entry in entries {
            bytes.extend_from_slice(entry.as_bytes());
            bytes.extend_from_slice(b"\0\0");
        }
        bytes.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        bytes
    }

    #[test]
    fn types_are_told_by_their_bytes() {
        let cases: [(&[u8], FileCheck); 7] = [
            (
                b"%PDF-1.7\n1 0 obj\n%%EOF\n",
                FileCheck::Accepted(FileType::Pdf),
            ),
            (
                b"\x89PNG\r\n\x1a\n....IHDR....IEND\xaeB`\x82",
                FileCheck::Accepted(FileType::Png),
            ),
            (
                &[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9],
                FileCheck::Accepted(FileType::Jpeg),
            ),
            (b"GIF89a....;", FileCheck::Accepted(FileType::Gif)),
            (
                b"\0\0\0\x18ftypmp42\0\0\0\0",
                FileCheck::Accepted(FileType::Mp4),
            ),
            (
                "pays;cible\nKEN;50\n".as_bytes(),
                FileCheck::Accepted(FileType::Text),
            ),
            (b"", FileCheck::Empty),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                check_file(bytes),
                expected,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert_eq!(
            check_file(&zip(&["[Content_Types].xml", "word/document.xml"])),
            FileCheck::Accepted(FileType::Docx)
        );
        assert_eq!(
            check_file(&zip(&["[Content_Types].xml", "xl/workbook.xml"])),
            FileCheck::Accepted(FileType::Xlsx)
        );
        assert_eq!(
            check_file(&zip(&["mimetypeapplication/vnd.oasis.opendocument.text"])),
            FileCheck::Accepted(FileType::Odt)
        );
    }

    #[test]
    fn a_file_that_lies_about_its_type_is_refused() {
        // An executable, an HTML page, an SVG with a script, a zip that is no document.
        for bytes in [
            b"MZ\x90\0\x03\0\0\0\x04\0".as_slice(),
            b"\x7fELF\x02\x01\x01\0",
            b"<!DOCTYPE html><html><script>alert(1)</script>",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            b"<?xml version=\"1.0\"?><svg/>",
            b"text with a NUL\0 inside",
        ] {
            assert_eq!(check_file(bytes), FileCheck::Refused, "{bytes:?}");
        }
        assert_eq!(check_file(&zip(&["evil.exe"])), FileCheck::Refused);
    }

    #[test]
    fn a_cut_off_upload_is_told_apart() {
        assert_eq!(
            check_file(b"%PDF-1.4\n1 0 obj\n<< /Length 5"),
            FileCheck::Truncated(FileType::Pdf)
        );
        assert_eq!(
            check_file(b"\x89PNG\r\n\x1a\n....IHDR...."),
            FileCheck::Truncated(FileType::Png)
        );
        let mut docx = zip(&["[Content_Types].xml", "word/document.xml"]);
        docx.truncate(docx.len() - 8);
        assert_eq!(check_file(&docx), FileCheck::Truncated(FileType::Docx));
    }

    #[test]
    fn size_is_limited() {
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(check_file(&big), FileCheck::TooLarge);
    }
}
