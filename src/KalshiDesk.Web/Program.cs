using KalshiDesk.Web.Hosting;

return await DeskCommands.RunAsync(args);
