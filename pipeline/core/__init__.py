"""The stage contract shared by every stage: params schema, record table,
audit rows, atomic outputs and the command-line wrapper."""
