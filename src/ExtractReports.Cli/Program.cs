Console.WriteLine("extractreports: under construction");
