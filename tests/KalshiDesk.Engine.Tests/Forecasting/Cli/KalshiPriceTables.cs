namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

/// <summary>
/// Kalshi's realised trade tables, 2021-06-30 to 2025-11-25, by price in cents (1¢–99¢; the 0¢ row is left out, a
/// price must be above 0): how many taker trades were made at each price, and how often a contract bought at that
/// price won. Copied from the published aggregates so the tests need no file outside the repository.
/// </summary>
/// <remarks>
/// Source: github.com/Jon-Becker/prediction-market-analysis — trades_by_price.csv (commit 480f3da1, taker trades by
/// the price the taker paid) and win_rate_by_price.csv (commit e1458bdb, taker and maker position-sides by the price
/// that side paid, with how many won). Provenance: ../shared/data/SOURCES.md.
///
/// MIT License
///
/// Copyright (c) 2026 Jonathan Becker
///
/// Permission is hereby granted, free of charge, to any person obtaining a copy
/// of this software and associated documentation files (the "Software"), to deal
/// in the Software without restriction, including without limitation the rights
/// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
/// copies of the Software, and to permit persons to whom the Software is
/// furnished to do so, subject to the following conditions:
///
/// The above copyright notice and this permission notice shall be included in all
/// copies or substantial portions of the Software.
///
/// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
/// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
/// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
/// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
/// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
/// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
/// SOFTWARE.
/// </remarks>
internal static class KalshiPriceTables
{
    /// <summary>trades_by_price.csv: taker trades at 1¢, 2¢, …, 99¢ (72,093,108 in all).</summary>
    public static readonly long[] TradesByPrice =
    [
        1_409_610, 704_807, 868_895, 798_855, 804_740, 755_187, 756_002, 754_267, 738_285, 758_159,  // 1–10¢
        674_822, 671_496, 668_900, 689_136, 719_688, 664_736, 693_214, 677_722, 671_485, 715_652,  // 11–20¢
        668_805, 703_102, 711_923, 708_515, 732_186, 665_208, 699_926, 715_495, 705_077, 763_436,  // 21–30¢
        740_618, 722_710, 734_553, 750_568, 736_339, 744_227, 783_427, 800_254, 816_006, 821_839,  // 31–40¢
        707_289, 727_433, 801_259, 839_457, 833_735, 816_353, 828_546, 903_418, 858_568, 932_969,  // 41–50¢
        837_368, 833_276, 860_341, 832_313, 853_842, 792_568, 796_858, 840_615, 803_015, 803_438,  // 51–60¢
        709_449, 770_618, 736_953, 763_770, 780_108, 667_766, 662_812, 685_113, 687_639, 696_524,  // 61–70¢
        589_680, 614_774, 625_761, 631_860, 667_639, 584_504, 604_205, 614_910, 631_244, 677_105,  // 71–80¢
        558_562, 560_771, 548_519, 594_888, 612_814, 567_398, 549_076, 611_558, 590_817, 640_140,  // 81–90¢
        565_675, 600_680, 620_146, 652_903, 708_883, 683_429, 798_035, 763_221, 1_040_626,  // 91–99¢
    ];

    /// <summary>win_rate_by_price.csv total_trades: position-sides bought at 1¢, 2¢, …, 99¢.</summary>
    public static readonly long[] SidesByPrice =
    [
        2_339_220, 1_375_575, 1_564_413, 1_364_548, 1_407_530, 1_303_293, 1_271_609, 1_255_693, 1_209_061, 1_295_252,  // 1–10¢
        1_164_119, 1_178_635, 1_122_715, 1_162_887, 1_235_622, 1_170_847, 1_155_242, 1_155_721, 1_151_908, 1_307_618,  // 11–20¢
        1_223_045, 1_230_219, 1_218_339, 1_198_040, 1_298_586, 1_210_430, 1_246_675, 1_252_447, 1_218_470, 1_381_799,  // 21–30¢
        1_354_089, 1_330_541, 1_318_130, 1_340_650, 1_438_131, 1_424_776, 1_442_264, 1_488_500, 1_442_774, 1_542_791,  // 31–40¢
        1_433_572, 1_490_023, 1_521_563, 1_555_500, 1_607_887, 1_567_582, 1_605_738, 1_654_856, 1_607_466, 1_776_961,  // 41–50¢
        1_607_381, 1_655_049, 1_605_699, 1_567_652, 1_608_001, 1_555_432, 1_521_445, 1_490_081, 1_433_466, 1_542_735,  // 51–60¢
        1_442_790, 1_488_751, 1_442_113, 1_424_807, 1_438_184, 1_340_730, 1_318_316, 1_330_633, 1_354_039, 1_381_962,  // 61–70¢
        1_218_618, 1_252_809, 1_246_449, 1_210_360, 1_298_627, 1_198_219, 1_218_087, 1_230_111, 1_223_140, 1_307_465,  // 71–80¢
        1_152_574, 1_155_540, 1_155_113, 1_171_183, 1_235_642, 1_163_192, 1_122_858, 1_178_677, 1_164_318, 1_298_408,  // 81–90¢
        1_210_509, 1_257_854, 1_270_668, 1_303_885, 1_411_261, 1_366_500, 1_568_248, 1_383_851, 2_348_987,  // 91–99¢
    ];

    /// <summary>win_rate_by_price.csv wins: how many of those sides won.</summary>
    public static readonly long[] WinsByPrice =
    [
        21_369, 26_114, 42_340, 47_068, 58_865, 64_068, 73_631, 87_555, 94_089, 115_464,  // 1–10¢
        115_545, 130_895, 138_897, 150_570, 172_017, 178_659, 183_013, 193_837, 205_128, 272_070,  // 11–20¢
        277_659, 279_584, 261_112, 261_127, 300_092, 291_818, 320_582, 362_085, 353_768, 412_990,  // 21–30¢
        425_669, 457_449, 458_407, 484_737, 504_489, 508_831, 547_520, 575_914, 558_257, 617_722,  // 31–40¢
        582_886, 597_830, 621_112, 662_279, 708_386, 722_781, 727_187, 768_963, 769_939, 888_521,  // 41–50¢
        837_512, 885_946, 878_563, 844_832, 899_598, 893_212, 900_364, 892_246, 850_628, 925_090,  // 51–60¢
        884_507, 912_833, 894_593, 915_996, 933_708, 855_931, 859_849, 873_228, 928_354, 968_960,  // 61–70¢
        864_904, 890_600, 925_872, 918_595, 998_577, 937_168, 957_013, 950_498, 945_565, 1_035_385,  // 71–80¢
        947_371, 961_795, 972_118, 992_485, 1_063_649, 1_012_560, 984_000, 1_047_795, 1_048_852, 1_182_793,  // 81–90¢
        1_116_371, 1_170_233, 1_197_104, 1_239_879, 1_352_353, 1_319_482, 1_525_952, 1_357_784, 2_327_709,  // 91–99¢
    ];

    /// <summary>The realised win rate (0–1) of a contract bought at <paramref name="cents"/> (1–99).</summary>
    public static double WinRate(int cents) => (double)WinsByPrice[cents - 1] / SidesByPrice[cents - 1];
}
