//! `kubectl kafka topics ...`: list, describe, create, delete, alter-config, add-partitions,
//! over any transport. Names are checked as Kafka checks them before anything is sent;
//! mutations take --dry-run (the brokers validate, nothing changes); delete asks first.

mod add_partitions;
mod alter_config;
mod create;
mod delete;
mod describe;
mod list;

use crate::cli::TopicsCommand;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::admin::KafkaObjectError;
use crate::kafka::names::check_topic_name;
use rdkafka::types::RDKafkaErrorCode;

pub async fn run(ctx: &Context, command: &TopicsCommand) -> anyhow::Result<()> {
    match command {
        TopicsCommand::List(args) => list::run(ctx, args).await,
        TopicsCommand::Describe(args) => describe::run(ctx, args).await,
        TopicsCommand::Create(args) => create::run(ctx, args).await,
        TopicsCommand::Delete(args) => delete::run(ctx, args).await,
        TopicsCommand::AlterConfig(args) => alter_config::run(ctx, args).await,
        TopicsCommand::AddPartitions(args) => add_partitions::run(ctx, args).await,
    }
}

/// Maps Kafka's answer about one topic to a failure that says what to do.
pub(super) fn topic_failure(err: anyhow::Error, topic: &str, namespace: &str) -> anyhow::Error {
    let Some(e) = err.downcast_ref::<KafkaObjectError>() else { return err };
    let (code, hint) = match e.code {
        RDKafkaErrorCode::TopicAlreadyExists => {
            (ExitCode::Failure, "pass --if-not-exists to accept an existing topic".to_string())
        }
        RDKafkaErrorCode::UnknownTopicOrPartition => {
            (ExitCode::NotFound, format!("`kubectl kafka -n {namespace} topics list` shows the topics"))
        }
        RDKafkaErrorCode::InvalidReplicationFactor => (
            ExitCode::Usage,
            format!("the replication factor cannot exceed the brokers: `kubectl kafka -n {namespace} status`"),
        ),
        RDKafkaErrorCode::InvalidPartitions => (ExitCode::Usage, "the partition count can only grow".to_string()),
        RDKafkaErrorCode::InvalidConfig | RDKafkaErrorCode::PolicyViolation => (
            ExitCode::Usage,
            "check the config keys and values (kafka.apache.org/documentation/#topicconfigs)".to_string(),
        ),
        RDKafkaErrorCode::TopicDeletionDisabled => {
            (ExitCode::Failure, "the brokers have delete.topic.enable=false".to_string())
        }
        _ => (ExitCode::Failure, "see the broker logs: kubectl logs <broker pod>".to_string()),
    };
    Failure::new(code, format!("topic {topic}: {}", e.code)).hint(hint).into()
}

pub(super) fn checked_name(ctx: &Context, topic: &str) -> anyhow::Result<()> {
    match check_topic_name(topic) {
        Ok(None) => Ok(()),
        Ok(Some(warning)) => {
            ctx.printer.warn(&warning);
            Ok(())
        }
        Err(msg) => Err(Failure::new(ExitCode::Usage, format!("invalid topic name: {msg}"))
            .hint("use ASCII letters, digits, '.', '_' and '-', at most 249 characters")
            .into()),
    }
}
