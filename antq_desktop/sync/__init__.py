"""Sync: the signed bundle format, export, import and merge, and the site identity.

Built by the sync issue; every synced record already carries what merging needs (see
`store.base.SyncedMixin` and `domain.clock`).
"""
