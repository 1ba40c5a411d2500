namespace DataHub.Store.Documents;

public enum VersionWrite { Written, AlreadyPresent }
