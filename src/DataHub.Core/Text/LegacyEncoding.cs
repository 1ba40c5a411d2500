namespace DataHub.Core.Text;
public enum LegacyEncoding { None, Tcvn3, Vni, Windows1258Decomposed }
