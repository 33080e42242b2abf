package dev.sqlagen.diag;

/**
 * Every diagnostic sqlagen can report, with a stable code. Codes are never reused or renumbered;
 * each is documented in docs/errors.md.
 */
public enum Code {
  SYNTAX("SQD001", Severity.ERROR),
  UNTERMINATED_STRING("SQD002", Severity.ERROR),
  BAD_CHARACTER("SQD003", Severity.ERROR),
  BAD_ESCAPE("SQD004", Severity.ERROR),
  DUPLICATE_DECLARATION("SQD010", Severity.ERROR),
  DUPLICATE_FIELD("SQD011", Severity.ERROR),
  UNKNOWN_TYPE("SQD012", Severity.ERROR),
  UNKNOWN_ATTRIBUTE("SQD013", Severity.ERROR),
  BAD_ATTRIBUTE_ARGUMENT("SQD014", Severity.ERROR),
  MISSING_LENGTH("SQD015", Severity.ERROR),
  BAD_TYPE_ARGUMENT("SQD016", Severity.ERROR),
  NO_PRIMARY_KEY("SQD017", Severity.ERROR),
  BAD_DEFAULT("SQD018", Severity.ERROR),
  UNKNOWN_ENUM_MEMBER("SQD019", Severity.ERROR),
  UNMATCHED_COLLECTION("SQD020", Severity.ERROR),
  AMBIGUOUS_INVERSE("SQD021", Severity.ERROR),
  BAD_INVERSE("SQD022", Severity.ERROR),
  DUPLICATE_TABLE("SQD023", Severity.ERROR),
  DUPLICATE_COLUMN("SQD024", Severity.ERROR),
  RESERVED_NAME("SQD025", Severity.ERROR),
  DUPLICATE_ENUM_MEMBER("SQD026", Severity.ERROR),
  UNSUPPORTED_REFERENCE("SQD027", Severity.ERROR),
  BAD_MODIFIER("SQD028", Severity.ERROR),
  DUPLICATE_ATTRIBUTE("SQD029", Severity.ERROR),
  EMPTY_ENUM("SQD030", Severity.ERROR),
  BAD_NAME("SQD031", Severity.ERROR),
  DUPLICATE_PYTHON_NAME("SQD032", Severity.ERROR),
  DUPLICATE_TYPE_NAME("SQD033", Severity.ERROR),
  BAD_REFERENTIAL_ACTION("SQD034", Severity.ERROR),
  BAD_ONE_TO_ONE("SQD035", Severity.ERROR),
  BAD_MANY_TO_MANY("SQD036", Severity.ERROR),
  UNINSERTABLE_CYCLE("SQD037", Severity.ERROR),
  BAD_ORDER_BY("SQD038", Severity.ERROR),
  FOREIGN_KEY_COLUMNS("SQD039", Severity.ERROR),
  BAD_CHECK("SQD042", Severity.ERROR),
  BAD_INDEX_COLUMNS("SQD043", Severity.ERROR),
  DUPLICATE_CONSTRAINT_NAME("SQD044", Severity.ERROR),
  BAD_IDENTITY("SQD045", Severity.ERROR),
  BAD_COMPUTED("SQD046", Severity.ERROR),
  BAD_ONUPDATE("SQD047", Severity.ERROR),
  NAME_TOO_LONG("SQD048", Severity.ERROR),
  BAD_SCHEMA("SQD049", Severity.ERROR),
  BAD_BASE("SQD050", Severity.ERROR),
  INHERITANCE_CYCLE("SQD051", Severity.ERROR),
  BAD_INHERITANCE("SQD052", Severity.ERROR),
  BAD_DISCRIMINATOR("SQD053", Severity.ERROR),
  REDECLARED_FIELD("SQD054", Severity.ERROR),
  BAD_SUBCLASS_FIELD("SQD055", Severity.ERROR),
  BAD_MIXIN("SQD056", Severity.ERROR),
  BAD_VERSION("SQD057", Severity.ERROR),
  BAD_RENAME_HINT("SQD058", Severity.ERROR),
  DROPS_TABLE("SQD060", Severity.ERROR),
  DROPS_COLUMN("SQD061", Severity.ERROR),
  DROPS_ENUM_VALUE("SQD062", Severity.ERROR),
  NARROWS_TYPE("SQD063", Severity.ERROR),
  NEEDS_VALUES("SQD064", Severity.ERROR),
  NEEDS_DISTINCT_VALUES("SQD065", Severity.ERROR),
  RENAME_MATCHES_NOTHING("SQD066", Severity.ERROR),
  MERGE_CONFLICT("SQD067", Severity.ERROR),
  UNREADABLE_REVISION("SQD070", Severity.ERROR),
  UNREADABLE_SNAPSHOT("SQD074", Severity.ERROR),
  UNKNOWN_STATE("SQD075", Severity.ERROR),
  BAD_NAMED_ARGUMENT("SQD076", Severity.ERROR),
  BAD_EXACT_NAME("SQD077", Severity.ERROR),
  BAD_PRIMARY_KEY("SQD078", Severity.ERROR),
  BAD_NAMING("SQD079", Severity.ERROR),
  BAD_AUTOINCREMENT("SQD085", Severity.ERROR),
  BAD_FOREIGN_KEY_CONSTRAINT("SQD086", Severity.ERROR),
  UNSUPPORTED_VIRTUAL_COLUMN("SQD087", Severity.ERROR),
  // Warnings: suspicious but legal input. They are printed, and generation goes on.
  UNUSED_ENUM("SQW001", Severity.WARNING),
  REDUNDANT_ATTRIBUTE("SQW002", Severity.WARNING),
  UNUSED_MIXIN("SQW003", Severity.WARNING),
  RENAME_APPLIED("SQW004", Severity.WARNING),
  POSSIBLE_RENAME("SQW005", Severity.WARNING),
  UNPLANNED_CHANGES("SQW006", Severity.WARNING),
  REVISION_EDITED("SQW007", Severity.WARNING),
  SEVERAL_HEADS("SQW008", Severity.WARNING),
  MISSING_REVISION("SQW009", Severity.WARNING),
  DUPLICATE_REVISION("SQW010", Severity.WARNING),
  NO_RECORDED_STATE("SQW011", Severity.WARNING);

  private final String id;
  private final Severity severity;

  Code(String id, Severity severity) {
    this.id = id;
    this.severity = severity;
  }

  /** The stable identifier users see, such as {@code SQD012}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }
}
