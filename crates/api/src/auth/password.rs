//! Argon2id password hashes. Hashing is slow on purpose, so it runs on threads of its own.

use std::sync::{Arc, LazyLock, Mutex, mpsc};

use argon2::password_hash::{self, Output, PasswordHash, Salt, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Block, Params, Version};

/// Argon2's working memory is 19 MiB (with the default settings). glibc gives a freed block back
/// to the system only when it was mapped on its own, and after the first such block it maps
/// blocks of that size on their own no more (its threshold rises to what was freed, up to
/// 32 MiB): each sign-in then left 19 MiB behind, 125 MB after five. Asked for above 32 MiB, the
/// block is always mapped alone and unmapped when the hash is done; only the pages used count.
const ALWAYS_MAPPED_ALONE: usize = 33 * 1024 * 1024;

fn working_memory(blocks: usize) -> Vec<Block> {
    let mut memory = Vec::with_capacity(blocks.max(ALWAYS_MAPPED_ALONE / size_of::<Block>()));
    memory.resize(blocks, Block::default());
    memory
}

/// The Argon2 hash of `password` and `salt` with these settings, in PHC form: what
/// `PasswordHasher::hash_password` does, in `working_memory`.
fn compute<'a>(
    algorithm: Algorithm,
    version: Version,
    params: Params,
    password: &[u8],
    salt: Salt<'a>,
) -> password_hash::Result<PasswordHash<'a>> {
    let mut salt_buffer = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buffer)?;
    let output_len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let phc_params = (&params).try_into()?;
    let blocks = params.block_count();
    let argon2 = Argon2::new(algorithm, version, params);
    let output = Output::init_with(output_len, |out| {
        let memory = working_memory(blocks);
        Ok(argon2.hash_password_into_with_memory(password, salt_bytes, out, memory)?)
    })?;
    Ok(PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: phc_params,
        salt: Some(salt),
        hash: Some(output),
    })
}

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    compute(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::default(),
        password.as_bytes(),
        salt.as_salt(),
    )
    .map(|h| h.to_string())
    .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

/// Whether `password` is the one `stored_hash` (PHC form, with its own settings) was made of.
pub fn verify(password: &str, stored_hash: &str) -> bool {
    let Ok(stored) = PasswordHash::new(stored_hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (stored.salt, stored.hash) else {
        return false;
    };
    let settings = (
        Algorithm::try_from(stored.algorithm),
        stored
            .version
            .map_or(Ok(Version::default()), Version::try_from),
        Params::try_from(&stored),
    );
    let (Ok(algorithm), Ok(version), Ok(params)) = settings else {
        return false;
    };
    // `Output`'s comparison takes constant time.
    compute(algorithm, version, params, password.as_bytes(), salt)
        .is_ok_and(|computed| computed.hash == Some(expected))
}

type Job = Box<dyn FnOnce() + Send>;

/// The threads that hash: one per core, started at the first hash, always the same. A hash takes
/// a core and 19 MiB; glibc keeps a freed block of that size in the arena of the thread that
/// freed it, so hashes spread over the blocking pool's threads left a block in each (125 MB
/// after five sign-ins). Here each thread reuses its own, and a burst of sign-ins queues for the
/// cores instead of taking them all from the rest of the API.
static HASHERS: LazyLock<mpsc::Sender<Job>> = LazyLock::new(|| {
    let (jobs, queue) = mpsc::channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    let cores = std::thread::available_parallelism().map_or(2, |cores| cores.get());
    for n in 0..cores {
        let queue = queue.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("password-hash-{n}"))
            .spawn(move || {
                loop {
                    // Waiting for a job holds the queue; running one must not.
                    let job = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "could not start a password-hashing thread");
        }
    }
    jobs
});

async fn on_a_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    let (done, result) = tokio::sync::oneshot::channel();
    HASHERS
        .send(Box::new(move || {
            let _ = done.send(work());
        }))
        .map_err(|_| anyhow::anyhow!("the password-hashing threads stopped"))?;
    result
        .await
        .map_err(|_| anyhow::anyhow!("a password hash was not computed"))
}

/// Hashes on the hashing threads; any failure there is a bug (no password is refused).
pub async fn hash_blocking(password: String) -> anyhow::Result<String> {
    on_a_hashing_thread(move || hash(&password)).await?
}

/// Verifies on the hashing threads; an error means the threads failed, never a wrong password.
pub async fn verify_blocking(password: String, stored_hash: String) -> anyhow::Result<bool> {
    on_a_hashing_thread(move || verify(&password, &stored_hash)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hashed = hash("correct horse battery").unwrap();
        assert!(hashed.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &hashed));
        assert!(!verify("wrong horse battery", &hashed));
        assert!(!verify("correct horse battery", "not a hash"));
    }

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_hasher_and_verifier() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let ours = hash("correct horse battery").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", &parsed)
                .is_ok()
        );
        // Stored with other settings (as an older or tuned deployment would have): honoured.
        let salt = SaltString::generate(&mut OsRng);
        let tuned = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 3, 1, None).unwrap(),
        );
        let theirs = tuned
            .hash_password(b"correct horse battery", &salt)
            .unwrap()
            .to_string();
        assert!(verify("correct horse battery", &theirs));
        assert!(!verify("correct horse batterie", &theirs));
    }
}
