//! The one waiting mechanism of the rollout commands: poll a condition, report each new
//! message it gives, stop when it holds, fail after a limit naming what it last waited for.
//! Conditions are named functions that say what is missing (pure where they can be, and
//! unit-tested there); the I/O of one look is the caller's.

use std::future::Future;
use std::time::Duration;

/// What one look at a condition found.
pub enum Look<T> {
    /// It holds.
    Done(T),
    /// Not yet: what is still missing, in words.
    Waiting(String),
    /// It never will (a failed rollout): stop now.
    Failed(String),
}

/// Polls `look` every half second until it is Done, reporting each new Waiting message;
/// after `limit`, fails with `what` and the last message.
pub async fn wait_until<T, F, Fut>(
    what: &str,
    limit: Duration,
    mut report: impl FnMut(&str),
    mut look: F,
) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<Look<T>>>,
{
    let deadline = tokio::time::Instant::now() + limit;
    let mut last = String::new();
    loop {
        match look().await? {
            Look::Done(v) => return Ok(v),
            Look::Failed(m) => anyhow::bail!("{what}: {m}"),
            Look::Waiting(m) => {
                if m != last {
                    report(&m);
                    last = m;
                }
            }
        }
        if tokio::time::Instant::now() >= deadline {
            anyhow::bail!("{what}: {last} after {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reports_each_new_message_once_and_returns_when_done() {
        let mut looks = vec![
            Look::Waiting("a".to_string()),
            Look::Waiting("a".to_string()),
            Look::Waiting("b".to_string()),
            Look::Done(7),
        ]
        .into_iter();
        let mut seen = Vec::new();
        let got = wait_until(
            "x",
            Duration::from_secs(10),
            |m| seen.push(m.to_string()),
            || {
                let next = looks.next().unwrap();
                async move { Ok(next) }
            },
        )
        .await
        .unwrap();
        assert_eq!((got, seen), (7, vec!["a".to_string(), "b".to_string()]));
    }

    #[tokio::test]
    async fn fails_with_what_it_waited_for() {
        let err = wait_until::<(), _, _>(
            "broker 2 in sync",
            Duration::ZERO,
            |_| {},
            || async { Ok(Look::Waiting("3 partitions catching up".to_string())) },
        )
        .await
        .unwrap_err();
        assert!(format!("{err}").starts_with("broker 2 in sync: 3 partitions catching up after"), "{err}");
        let failed = wait_until::<(), _, _>(
            "rollout",
            Duration::from_secs(5),
            |_| {},
            || async { Ok(Look::Failed("deadline exceeded".to_string())) },
        )
        .await
        .unwrap_err();
        assert_eq!(format!("{failed}"), "rollout: deadline exceeded");
    }
}
