namespace DataHub.Store.Catalog;

public enum ReportGrouping { Agency, Type, Field, Level, Month, Year }
