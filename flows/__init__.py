"""Prefect flows that drive the stages declared in dvc.yaml."""
