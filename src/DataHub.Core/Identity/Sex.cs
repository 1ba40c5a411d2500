namespace DataHub.Core.Identity;

public enum Sex { Male, Female }
