namespace KitBot.Bench;

public static class Report
{
    public static int Write(Options options) => options is null ? 1 : 0;
}
