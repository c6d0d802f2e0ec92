//! The inputs of `check` and `fmt`: paths given on the command line, directories walked for
//! `*.json` files, and `-` for stdin; reading them with a size limit.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest file read, in bytes: 1 MiB, 32 times the largest policy AWS accepts (a KMS key
/// policy, 32 KiB). A larger file is reported as `policy-too-large` without being parsed, so
/// that a stray 50 MB file neither stalls the run nor costs its size in memory.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// One input: a file or stdin.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// A file, by the path it was found under.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The name shown in output: the path as given or walked, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }

    /// The path, for a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File(path) => Some(path),
            Input::Stdin => None,
        }
    }
}

/// A path that could not be walked or read.
#[derive(Debug)]
pub struct InputError {
    /// The path as given or found.
    pub path: String,
    /// What went wrong.
    pub error: io::Error,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.error.kind() {
            io::ErrorKind::NotFound => write!(f, "cannot read `{}`: no such file", self.path),
            _ => write!(f, "cannot read `{}`: {}", self.path, self.error),
        }
    }
}

/// The files named by `paths`, in order: a file as given (whatever its extension), a
/// directory's `*.json` files at any depth, sorted by path, and `-` as stdin. Symbolic links
/// to directories are not followed (no cycles); a link named `*.json` is listed even when it
/// dangles, so that reading it reports the problem.
pub fn collect(paths: &[PathBuf]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => {
                let mut found = Vec::new();
                walk(path, &mut found, &mut errors);
                found.sort();
                inputs.extend(found.into_iter().map(Input::File));
            }
            // A file, a FIFO or a device: read it as given.
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(error) => errors.push(InputError {
                path: path.display().to_string(),
                error,
            }),
        }
    }
    (inputs, errors)
}

fn walk(directory: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(InputError {
                path: directory.display().to_string(),
                error,
            });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                errors.push(InputError {
                    path: directory.display().to_string(),
                    error,
                });
                continue;
            }
        };
        let path = entry.path();
        let is_json = path
            .extension()
            .is_some_and(|extension| extension == "json");
        match entry.file_type() {
            Ok(file_type) if file_type.is_dir() => walk(&path, found, errors),
            Ok(_) if is_json => found.push(path),
            Ok(_) => {}
            Err(error) => errors.push(InputError {
                path: path.display().to_string(),
                error,
            }),
        }
    }
}

/// What reading an input gave.
#[derive(Debug)]
pub enum Content {
    /// The bytes of the input.
    Bytes(Vec<u8>),
    /// The input is larger than [`MAX_FILE_BYTES`]: its size (for a stream, the bytes read
    /// before giving up).
    TooLarge(u64),
}

/// Reads a file, up to [`MAX_FILE_BYTES`].
///
/// # Errors
/// The I/O error, when the file cannot be opened or read.
pub fn read_file(path: &Path) -> io::Result<Content> {
    let file = fs::File::open(path)?;
    // A regular file's size is known up front: report it whole instead of reading it.
    let length = file.metadata()?.len();
    if length > MAX_FILE_BYTES {
        return Ok(Content::TooLarge(length));
    }
    // Read it whole into a buffer of its size: one read call (and one to see the end), no
    // regrowing.
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0).saturating_add(1));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    let length = bytes.len() as u64;
    if length > MAX_FILE_BYTES {
        return Ok(Content::TooLarge(length));
    }
    Ok(Content::Bytes(bytes))
}

/// Reads a stream, up to [`MAX_FILE_BYTES`].
///
/// # Errors
/// The I/O error, when the stream cannot be read.
pub fn read_limited(reader: impl Read) -> io::Result<Content> {
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    let length = bytes.len() as u64;
    if length > MAX_FILE_BYTES {
        return Ok(Content::TooLarge(length));
    }
    Ok(Content::Bytes(bytes))
}
