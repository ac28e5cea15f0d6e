package com.optimalworkforce.testkit.internal;

import java.time.ZoneId;
import java.util.List;

/** Real regions, forward sortation areas and ZIP3 prefixes the synthetic agency draws from. */
public final class Places {
  private Places() {}

  /** A region template: where it is, its zone, and the postal prefixes found there. */
  public record Place(String id, String name, ZoneId zone, boolean us, List<String> prefixes, double lat, double lon) {}

  public static final List<Place> CANADA = List.of(
      new Place("toronto-east", "Toronto East", ZoneId.of("America/Toronto"), false,
          List.of("M4A", "M4B", "M4C", "M1B", "M1C", "M1E", "M1G", "M1H", "M1J", "M1K", "M1L", "M1M"), 43.73, -79.29),
      new Place("vancouver", "Vancouver", ZoneId.of("America/Vancouver"), false,
          List.of("V5K", "V5L", "V5M", "V5N", "V5P", "V5R", "V5S", "V6A", "V6B", "V6E"), 49.26, -123.10),
      new Place("calgary", "Calgary", ZoneId.of("America/Edmonton"), false,
          List.of("T2A", "T2B", "T2C", "T2E", "T2G", "T2H", "T2J", "T3A", "T3B"), 51.05, -114.07),
      new Place("halifax", "Halifax", ZoneId.of("America/Halifax"), false,
          List.of("B3H", "B3J", "B3K", "B3L", "B3M", "B3N", "B3P"), 44.65, -63.58),
      new Place("ottawa", "Ottawa", ZoneId.of("America/Toronto"), false,
          List.of("K1N", "K1P", "K1R", "K1S", "K1Y", "K2P", "K2A", "K1H"), 45.42, -75.70),
      new Place("montreal", "Montreal", ZoneId.of("America/Toronto"), false,
          List.of("H2X", "H2Y", "H3A", "H3B", "H2L", "H2J", "H2T"), 45.50, -73.57),
      new Place("winnipeg", "Winnipeg", ZoneId.of("America/Winnipeg"), false,
          List.of("R2C", "R2J", "R3B", "R3C", "R3G", "R3L"), 49.90, -97.14),
      new Place("regina", "Regina", ZoneId.of("America/Regina"), false,
          List.of("S4N", "S4P", "S4R", "S4S", "S4T"), 50.45, -104.61));

  /** US regions; Cheyenne includes ZIP3s that HIPAA Safe Harbor restricts (821, 823, 830, 831). */
  public static final List<Place> US = List.of(
      new Place("seattle", "Seattle", ZoneId.of("America/Los_Angeles"), true,
          List.of("980", "981", "982", "983"), 47.61, -122.33),
      new Place("chicago", "Chicago", ZoneId.of("America/Chicago"), true,
          List.of("600", "601", "604", "605", "606"), 41.88, -87.63),
      new Place("phoenix", "Phoenix", ZoneId.of("America/Phoenix"), true,
          List.of("850", "852", "853"), 33.45, -112.07),
      new Place("cheyenne", "Cheyenne", ZoneId.of("America/Denver"), true,
          List.of("820", "821", "823", "830", "831"), 41.14, -104.82));

  public static final List<String> GIVEN = List.of(
      "Olivia", "Liam", "Noah", "Ava", "Sophia", "Lucas", "Mia", "Ethan", "Chloe", "Aiden",
      "Zoe", "Nathan", "Grace", "Owen", "Hannah", "Samuel", "Leah", "Benjamin", "Nora", "Elijah",
      "Priya", "Arjun", "Mei", "Wei", "Fatima", "Omar", "Amara", "Kwame", "Sofia", "Mateo",
      "Isabella", "Gabriel", "Aaliyah", "Jamal", "Yuki", "Hiro", "Ana", "Diego", "Chantal", "Luc",
      "Ingrid", "Sven", "Aisha", "Tariq", "Rosa", "Carlos", "Helen", "Walter", "Dorothy", "Frank",
      "Irene", "Harold", "Margaret", "Arthur", "Evelyn", "Raymond", "Joan", "Eugene", "Gloria", "Victor");

  public static final List<String> FAMILY = List.of(
      "Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson", "MacDonald", "Gagnon", "Johnson", "Taylor",
      "Campbell", "Anderson", "Lee", "Wong", "Patel", "Singh", "Nguyen", "Chen", "Li", "Kim",
      "Garcia", "Rodriguez", "Lopez", "Gonzalez", "Hernandez", "Clark", "Lewis", "Walker", "Hall", "Young",
      "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Mitchell", "Roberts", "Carter", "Phillips",
      "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook",
      "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward");

  public static final List<String> STREETS = List.of(
      "Maple", "Oak", "Pine", "Cedar", "Elm", "Birch", "King", "Queen", "Victoria", "Church",
      "Park", "Lakeshore", "Main", "Dundas", "Bloor", "College", "Wellington", "Richmond", "Adelaide", "Front");

  public static final List<String> STREET_KINDS = List.of("St", "Ave", "Rd", "Blvd", "Cres", "Dr", "Way");

  /** Letters valid in the last two positions of a Canadian postal code (no D F I O Q U). */
  public static final String LDU_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";
}
