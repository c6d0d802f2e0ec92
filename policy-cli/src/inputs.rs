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
    /// The input a command-line argument names: `-` is stdin, anything else a file.
    pub fn from_arg(path: &Path) -> Self {
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(path.to_owned())
        }
    }

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

/// What [`collect`] found: the inputs, and the paths that could not be listed.
#[derive(Debug, Default)]
pub struct Collected {
    /// The inputs, in order.
    pub inputs: Vec<Input>,
    /// The paths that could not be read as files or directories.
    pub errors: Vec<InputError>,
}

/// The files named by `paths`, in order: a file as given (whatever its extension), a
/// directory's `*.json` files at any depth, sorted by path, and `-` as stdin. Symbolic links
/// to directories are not followed (no cycles); a link named `*.json` is listed even when it
/// dangles, so that reading it reports the problem.
pub fn collect(paths: &[PathBuf]) -> Collected {
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
    Collected { inputs, errors }
}

/// Appends the `*.json` files below `directory` to `found` in path order: each directory's
/// entries sorted by name, a subdirectory's files right after its name. That is the order of
/// sorting the paths by components, without comparing whole paths.
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
    let mut listed = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => listed.push((entry.file_name(), entry)),
            Err(error) => errors.push(InputError {
                path: directory.display().to_string(),
                error,
            }),
        }
    }
    listed.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
    for (_, entry) in listed {
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
    let mut file = fs::File::open(path)?;
    // A regular file's size is known up front: report it whole instead of reading it.
    let metadata = file.metadata()?;
    let length = metadata.len();
    if length > MAX_FILE_BYTES {
        return Ok(Content::TooLarge(length));
    }
    let size = usize::try_from(length).unwrap_or(0);
    let mut bytes = Vec::with_capacity(size.saturating_add(1));
    if metadata.is_file() {
        // One read asks for a byte more than the file has: a regular file answers with what it
        // has left, so exactly its size means the whole file, and the read that would only
        // see its end is saved (a system call per file). A file that changed since is read on.
        bytes.resize(size.saturating_add(1), 0);
        let read = loop {
            match file.read(&mut bytes) {
                Ok(read) => break read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        };
        bytes.truncate(read);
        if read == size {
            return Ok(Content::Bytes(bytes));
        }
    }
    // Anything else (a FIFO, a device, a file that grew or shrank): read to its end.
    let done = bytes.len() as u64;
    file.take((MAX_FILE_BYTES + 1).saturating_sub(done))
        .read_to_end(&mut bytes)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_whole() {
        let root = tempfile::tempdir().unwrap();
        for size in [0, 1, 4095, 4096, 70_000] {
            let path = root.path().join(format!("{size}.json"));
            let bytes: Vec<u8> = (0..size).map(|i| b'a' + (i % 26) as u8).collect();
            fs::write(&path, &bytes).unwrap();
            match read_file(&path).unwrap() {
                Content::Bytes(read) => assert_eq!(read, bytes, "{size}"),
                Content::TooLarge(size) => panic!("too large: {size}"),
            }
        }
        let large = root.path().join("large.json");
        fs::write(&large, vec![b' '; MAX_FILE_BYTES as usize + 1]).unwrap();
        assert!(matches!(
            read_file(&large).unwrap(),
            Content::TooLarge(size) if size == MAX_FILE_BYTES + 1
        ));
    }

    #[test]
    fn a_walk_lists_files_in_path_order() {
        let root = tempfile::tempdir().unwrap();
        for file in [
            "b.json",
            "a.json",
            "a/z.json",
            "a/b/c.json",
            "a-b.json",
            "a.b/x.json",
            "B.json",
            "a/notes.txt",
        ] {
            let path = root.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "{}").unwrap();
        }
        let Collected { inputs, errors } = collect(&[root.path().to_owned()]);
        assert!(errors.is_empty());
        let walked: Vec<PathBuf> = inputs
            .into_iter()
            .filter_map(|input| input.path().map(Path::to_owned))
            .collect();
        let mut sorted = walked.clone();
        sorted.sort();
        assert_eq!(walked, sorted);
        assert_eq!(walked.len(), 7);
    }
}
